import { render } from 'preact';
import { SourceViewer } from '@/ui/source-viewer/SourceViewer';
import { parseViewerParams } from '@/ui/links';
import '@/ui/theme.css';

const root = document.getElementById('app');
if (root) render(<SourceViewer {...parseViewerParams(location.search)} />, root);
