// This area's sections of the cluster manager's work queue, each actionable in place.
import type { QueueSection } from "../../app/area";
import { ModerationSection } from "./ModerationSection";

export const queueSections: QueueSection[] = [{ id: "knowledge-moderation", Component: ModerationSection }];
