// This area's sections of the cluster manager's work queue, each actionable in place.
import type { QueueSection } from "../../app/area";

export const queueSections: QueueSection[] = [];
