// dl.search: hyperparameter search for the course's lesson on tuning. Random rather than grid
// search, coarse to fine (zoom), each hyperparameter on its own scale (logUniform for a learning
// rate, oneMinusLog for a beta); one model babysat by hand ("pandas", babysit) or many trained
// at once on a pool of workers ("caviar", parallelSearch).
export { uniform, logUniform, oneMinusLog, intRange, choice, isSampler, draw, sampleSpace, gridSpace, describeSampler } from './space';
export type { Sampler, NumericSampler, ChoiceSampler, Space, Config, ConfigOf, Grid, GridConfig } from './space';
export { zoom } from './zoom';
export type { ZoomOptions } from './zoom';
export { randomSearch, gridSearch, runConfigs } from './sequential';
export type { CommonSearchOptions, RandomSearchOptions, GridSearchOptions, RunOptions } from './sequential';
export { ranked } from './trials';
export type { Objective, ObjectiveResult, Trial, SearchResult, Progress } from './trials';
export { parallelSearch } from './pool';
export type { ParallelSpaceOptions, ParallelConfigsOptions } from './pool';
export { babysit, Babysitter } from './babysitter';
export type { BabysitterState, BabysitOptions } from './babysitter';
