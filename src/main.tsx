import './app/strict-csp';
import { start } from './app/start';
import './ui/theme.css';
import './ui/screens.css';

void start(document.getElementById('root'));
