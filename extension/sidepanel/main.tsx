import { render } from 'preact';
import { SidePanel } from '@/sidepanel/SidePanel';
import '@/ui/theme.css';
import '@/sidepanel/sidepanel.css';

const root = document.getElementById('app');
if (root) render(<SidePanel />, root);
