/**
 * CDF Annex F, "Planning Lessons from the community cohesion pathfinder": the three verbatim lists
 * and the closing advice, for the action plan template.
 * @see CDF Annex F
 */
import type { Source } from "../../types";
import type { PlanLesson } from "../../recommender/types";

const F: Source = { doc: "CDF", ref: "Annex F" };

/** Lead-ins of the three lists, verbatim. */
export const PLAN_LESSON_LEADINS = {
  keyQuestions: "Key questions include:",
  implementationPlan:
    "You may find it helpful to address these issues and others by developing an implementation plan that covers:",
  projectManagement:
    "In programme planning and management, the principles of good project management are particularly relevant, eg it will be important that you:",
  source: F,
} as const;

/** All Annex F items in document order: 3 key questions, 6 plan contents, 5 principles, 3 closing points. */
export const PLAN_LESSONS: readonly PlanLesson[] = [
  {
    code: "F-Q1",
    list: "keyQuestions",
    text: "Determining arrangements for management and accountability – who will play what role in driving through the community cohesion agenda?",
    source: F,
  },
  {
    code: "F-Q2",
    list: "keyQuestions",
    text: "Where will the responsibility for driving through community cohesion sit within the local authority structure?",
    source: F,
  },
  {
    code: "F-Q3",
    list: "keyQuestions",
    text: "Developing working relationships with partners – establishing what each others expectations are and what capacity can be made available to your programme.",
    source: F,
  },
  { code: "F-P1", list: "implementationPlan", text: "a list of your actions for each project", source: F },
  { code: "F-P2", list: "implementationPlan", text: "a list of targets for each project and the programme overall", source: F },
  { code: "F-P3", list: "implementationPlan", text: "individual responsibilities for actions or projects", source: F },
  { code: "F-P4", list: "implementationPlan", text: "resource allocation per partner or project", source: F },
  { code: "F-P5", list: "implementationPlan", text: "your key milestones and a timeline for completion", source: F },
  { code: "F-P6", list: "implementationPlan", text: "how each action/target/project relates back to your vision.", source: F },
  { code: "F-M1", list: "projectManagement", text: "set clear project parameters", source: F },
  { code: "F-M2", list: "projectManagement", text: "construct a realistic plan that sets out your targets and prioritises your activities", source: F },
  { code: "F-M3", list: "projectManagement", text: "communicate relevant updates widely and frequently", source: F },
  { code: "F-M4", list: "projectManagement", text: "build in 'reality checks' on progress", source: F },
  { code: "F-M5", list: "projectManagement", text: "undertake risk management.", source: F },
  // Closing advice: verbatim fragments of longer sentences .
  {
    code: "F-O1",
    list: "other",
    text: "test this with your partners to make sure that the projects delivered really do have a community cohesion element",
    source: F,
  },
  { code: "F-O2", list: "other", text: "a robust planning exercise", source: F },
  {
    code: "F-O3",
    list: "other",
    text: "fair and adequate warning of what will be expected of them and when.",
    source: F,
  },
];
