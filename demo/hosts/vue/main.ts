// Registers every element (Vite compiles the library's TypeScript source).
import '../../../src/index.ts';
import '../host.css';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
