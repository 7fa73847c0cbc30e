// The deep-learning toolkit `dl`: the course's building blocks on top of np, each one small
// and written out, so that a learner can rewrite any piece by hand and compare. Parameters are
// plain dictionaries of NDArrays keyed as the course keys them (W1, b1, ...; grads dW1, db1).
export type { ActivationName, Grads, Params } from './types';
export { initializeParameters, initWeight } from './init';
export type { InitMethod, InitOptions } from './init';
export {
  sigmoid, relu, leakyRelu, tanh, softmax, logSoftmax,
  sigmoidBackward, reluBackward, leakyReluBackward, tanhBackward, softmaxBackward,
  activate, activationBackward,
} from './activations';
export { binaryCrossEntropy, categoricalCrossEntropy, l2Penalty, l1Penalty } from './losses';
export type { LossOptions, CategoricalOptions } from './losses';
export { dropoutMask, applyDropout, dropoutBackward, l2Grad, l1Grad, addPenaltyGrads } from './regularization';
export * as optim from './optim';
export type { Optimizer, OptimizerName, OptimizerOptions } from './optim';
export * as schedules from './schedules';
export type { Schedule } from './schedules';
export { randomMiniBatches } from './minibatch';
export type { MiniBatch } from './minibatch';
export { dense, dropout, activation, Dense, Dropout, Activation } from './layers';
export type { DenseOptions, Layer } from './layers';
export { batchNorm, BatchNorm } from './batchnorm';
export type { BatchNormOptions } from './batchnorm';
export { sequential, Sequential } from './model';
export type { SequentialOptions, CostOptions, CostAndGrads } from './model';
export { fit } from './fit';
export type { FitOptions, History, EpochRecord } from './fit';
export { dictionaryToVector, vectorToDictionary, gradientsToVector, gradientCheck } from './gradcheck';
export type { GradCheckOptions, GradCheckResult, Shapes } from './gradcheck';
export { accuracy, confusionMatrix, split, trainTestSplit, fitNormalizer, decisionGrid } from './metrics';
export type { Part, Split, SplitOptions, Normalizer, DecisionGrid } from './metrics';
export * as data from './data';
export * as search from './search';
