import './app/strict-csp';
import { start } from './app/start';
import './ui/theme.css';

void start(document.getElementById('root'));
