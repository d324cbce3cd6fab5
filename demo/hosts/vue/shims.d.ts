// What `import App from './App.vue'` is to tsc (vue-tsc, which reads SFCs, is not installed).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
