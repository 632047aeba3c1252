import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadSettings } from './common/settings';

// The currency and the installation's language: fetched once while the app starts. The first render
// waits for them (the language the app opens in is the installation's), but not longer than a moment:
// amounts re-render when a late answer comes.
const settingsOrTimeout = Promise.race([loadSettings(), new Promise<void>((resolve) => setTimeout(resolve, 3000))]);

void settingsOrTimeout.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
