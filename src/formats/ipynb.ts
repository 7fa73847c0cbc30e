// Jupyter notebooks (.ipynb): pure string <-> Notebook. Import reads nbformat 3 and 4 and
// reports what it repaired; export writes nbformat 4.5 as Jupyter does.
export { toIpynb } from './ipynb-export';
export { fromIpynb, MAX_FILE_CHARS, MAX_SOURCE_CHARS, type ImportOptions, type ImportResult } from './ipynb-import';
export { FormatError } from './ipynb-lines';
