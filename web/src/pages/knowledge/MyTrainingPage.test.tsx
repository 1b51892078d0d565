import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import MyTrainingPage from "./MyTrainingPage";
import { signInAs } from "./testTokens";

const DAY = 24 * 3600 * 1000;
const course = (course_id: string, title: string, session_id: string, deadlineInDays: number) => ({
  course_id,
  cluster_id: "c",
  title,
  skill_area: "green",
  audience: "members",
  language: "en",
  learning_outcomes: [],
  modules: [],
  completion_rule: { min_attendance_percent: 75, assessment_required: false },
  sessions: [
    {
      session_id,
      course_id,
      mode: "online",
      place: null,
      meetings: [new Date(Date.now() + (deadlineInDays + 7) * DAY).toISOString()],
      capacity: 2,
      seats_left: 0,
      trainer_id: "t",
      cancellation_deadline: new Date(Date.now() + deadlineInDays * DAY).toISOString(),
    },
  ],
});
const enrolment = (enrolment_id: string, course_id: string, session_id: string, status: string, waitlist_position: number | null = null) => ({
  enrolment_id,
  session_id,
  course_id,
  person_id: "p1",
  holder_name: "Núria",
  status,
  waitlist_position,
  enrolled_at: "2026-11-30T10:00:00Z",
  attended: [],
  assessment_passed: null,
  completed_at: null,
});

describe("my training", () => {
  it("cancels an enrolment before its deadline, and offers no cancellation after it", async () => {
    signInAs(["organisation_member"]);
    let mine = [enrolment("e1", "c1", "s1", "waitlisted", 2), enrolment("e2", "c2", "s2", "confirmed")];
    answer("GET /api/knowledge/training/enrolments/mine", () => ({ body: mine }));
    answer("GET /api/knowledge/training/certificates/mine", { body: [] });
    answer("GET /api/knowledge/training/courses/c1", { body: course("c1", "Circular design", "s1", 10) });
    answer("GET /api/knowledge/training/courses/c2", { body: course("c2", "Peer reviews", "s2", -1) });
    answer("POST /api/knowledge/training/enrolments/e1/cancellation", () => {
      mine = [enrolment("e1", "c1", "s1", "cancelled"), mine[1]!];
      return { body: mine[0] };
    });
    renderPage(<MyTrainingPage />);

    const open = (await screen.findByRole("link", { name: "Circular design" })).closest("li")!;
    expect(open).toHaveTextContent("On the waiting list, number 2");
    const late = (await screen.findByRole("link", { name: "Peer reviews" })).closest("li")!;
    expect(within(late).queryByRole("button")).toBeNull();

    await userEvent.click(within(open).getByRole("button", { name: "Cancel my enrolment" }));
    expect(await screen.findByText("Your enrolment in “Circular design” is cancelled.")).toHaveRole("status");
    expect(await within(open).findByText(/Cancelled/)).toBeInTheDocument();
    expect(within(open).queryByRole("button")).toBeNull();
    expect(sent.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/api/knowledge/training/enrolments/e1/cancellation"]);
  });

  it("downloads a certificate with the bearer token, as a file", async () => {
    signInAs(["organisation_member"]);
    answer("GET /api/knowledge/training/enrolments/mine", { body: [] });
    answer("GET /api/knowledge/training/certificates/mine", {
      body: [
        {
          certificate_id: "k1",
          course_id: "c1",
          session_id: "s1",
          course_title: "Circular design",
          completed_on: "2026-11-20",
          verification_code: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
          status: "valid",
        },
      ],
    });
    answer("GET /api/knowledge/training/certificates/k1/pdf", { body: "%PDF-1.4" });
    const urls: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      urls.push(blob.constructor.name);
      return "blob:certificate";
    };
    URL.revokeObjectURL = () => undefined;
    renderPage(<MyTrainingPage />);

    expect(await screen.findByRole("link", { name: "How others verify it" })).toHaveAttribute(
      "href",
      "/certificates/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    );
    await userEvent.click(screen.getByRole("button", { name: "Download the certificate for Circular design (PDF)" }));
    await waitFor(() => expect(urls).toEqual(["Blob"]));
    expect(sent.find((r) => r.path.endsWith("/pdf"))?.authorization).toBe("Bearer token-organisation_member");
  });
});
