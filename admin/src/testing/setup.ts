import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts between tests by itself only when the runner's globals are on; these tests import them.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
