import { render } from 'preact';
import { TrainingApp, type TrainingMode } from '@/training/TrainingApp';
import '@/ui/theme.css';
import '@/sidepanel/sidepanel.css';
import '@/training/training.css';

// `training.html?mode=presenter` opens straight into the presenter view.
const mode = new URLSearchParams(location.search).get('mode');
const initialMode: TrainingMode = mode === 'presenter' || mode === 'own' ? mode : 'quiz';
const root = document.getElementById('app');
if (root) render(<TrainingApp initialMode={initialMode} />, root);
