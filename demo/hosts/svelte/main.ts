// Registers every element (Vite compiles the library's TypeScript source).
import '../../../src/index.ts';
import '../host.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
