/** The JSON review contract and client, without any element: `import … from 'review-elements/api'`. */
export * from './api/index.js';
