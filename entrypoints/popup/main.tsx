import { render } from 'preact';
import { Popup } from '@/src/ui/Popup';

render(<Popup />, document.getElementById('app')!);
