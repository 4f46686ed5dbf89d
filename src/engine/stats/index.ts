/**
 * Analyst statistics of the engine: survey confidence intervals, significance against a
 * benchmark, national benchmark figures, nearest-neighbour peers and the index of dissimilarity.
 * Pure functions; every entry point returns a Result and never throws on bad input.
 */
export { normalQuantile, zForLevel } from "./normal";
export { surveyCi, designEffectFromWeights, CI_METHODS } from "./surveyCi";
export type { CiMethod, SurveyCiOptions, SurveyCi, DesignEffect } from "./surveyCi";
export { compareToBenchmark, COMPARISON_POLARITIES } from "./compareToBenchmark";
export type { ComparisonPolarity, BenchmarkComparison } from "./compareToBenchmark";
export {
  BENCHMARKS,
  BENCHMARK_SERIES,
  BREAK_MODE_2016,
  BREAK_QUESTIONNAIRE_2023,
  BREAK_PLACE_SURVEY,
  NOTE_RELEASES_DIFFER,
  benchmark,
  benchmarkValue,
  listBenchmarks,
  normaliseYear,
} from "./benchmarks";
export type { BenchmarkRow, BenchmarkSeries, BenchmarkSeriesId, SurveyMode } from "./benchmarks";
export { nearestNeighbours, prepareNeighbours, DEFAULT_NEIGHBOURS, NEIGHBOUR_METHODS } from "./nearestNeighbours";
export type { NeighbourMethod, NeighbourModelOptions, NearestNeighboursOptions, Neighbour, NeighbourModel } from "./nearestNeighbours";
export { dissimilarity, dissimilarityVsRest } from "./dissimilarity";
export { indicatorTable } from "./indicatorTable";
export type { IndicatorTable } from "./indicatorTable";
