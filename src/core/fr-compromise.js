// fr-compromise ships its types as .ts sources that do not compile under this
// project's strict settings; this re-export lets fr-compromise.d.ts beside it
// declare the little that nlp.ts uses.
export { default } from 'fr-compromise';
