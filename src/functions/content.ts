/**
 * The engine's bulky content, loaded on first use: the recommender with the framework's issues and actions,
 * the LGA 2019 guide (recommendations, case studies, sections) and its issues (ISSUES, ACTIONS), and the
 * survey series (BENCHMARK). A dynamic import(): webpack.config.js puts these engine modules in one chunk,
 * "content" (its cache group names it), fetched from the add-in's own origin the first time one of these
 * functions runs, so the page's start does not carry them (test/build/chunks.test.ts). The engine itself
 * stays synchronous.
 */
export const loadRecommender = () => import("../engine/recommender");
export const loadBenchmarks = () => import("../engine/stats/benchmarks");
