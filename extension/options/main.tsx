import { render } from 'preact';
import { Options } from '@/ui/options/Options';
import '@/ui/theme.css';

const root = document.getElementById('app');
if (root) render(<Options />, root);
