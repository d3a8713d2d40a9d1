/** The isolated-world global under which the injected card script leaves its module. */
export const CARD_MODULE_KEY = '__sourcelightCardModule';
