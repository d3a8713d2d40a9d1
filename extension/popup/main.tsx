import { render } from 'preact';
import { Popup } from '@/ui/popup/Popup';
import '@/ui/theme.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
