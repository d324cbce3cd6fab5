// Registers every element (Vite compiles the library's TypeScript source).
import '../../../src/index.ts';
import '../host.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
