/** The Annex B mapping exercise as an area profile (issue 16.2): the subject from a table row, its evidence, the profile rows. */
export { subjectFromTable, findAreaRow, PROFILE_PEERS, SAMPLE_SIZE_HEADERS, type ProfileSubject, type SubjectOptions } from "./subject";
export { intervalOf, indicatorLines, issueLines, type ComparatorRun } from "./evidence";
export { annexBProfile, LOCAL_KNOWLEDGE_COLUMN, PROFILE_COLUMNS, PROFILE_COMPARATORS, type AnnexBProfile, type ProfileColumn, type ProfileOptions } from "./build";
export { ANNEX_B_GROUPS, ANNEX_B_ITEMS, ANNEX_B_PRINCIPLES, ANNEX_B_PURPOSE, ANNEX_B_PURPOSE_SOURCE, PROFILE_CONTEXT, type AnnexBGroup, type AnnexBItem, type AnnexBProxy, type AnnexBEvidenceLinks } from "../data/deliveryFramework2009/annexB";
