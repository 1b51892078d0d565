import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, sent } from "../../testing/fakeApi";
import { renderPage } from "../../testing/render";
import { EnrolButton, type Enrolment } from "./EnrolButton";
import { signInAs } from "./testTokens";

const session = (seats_left: number) => ({
  session_id: "s1",
  course_id: "c1",
  mode: "online" as const,
  place: null,
  meetings: ["2027-01-10T09:00:00Z"],
  capacity: 2,
  seats_left,
  trainer_id: "t1",
  cancellation_deadline: "2027-01-03T09:00:00Z",
});
const enrolment = (status: Enrolment["status"], waitlist_position: number | null = null): Enrolment => ({
  enrolment_id: "e1",
  session_id: "s1",
  course_id: "c1",
  person_id: "p1",
  holder_name: "Núria",
  status,
  waitlist_position,
  enrolled_at: "2026-11-30T10:00:00Z",
  attended: [],
  assessment_passed: null,
  completed_at: null,
});

describe("enrol button", () => {
  it("asks a visitor to sign in first, and sends nothing", () => {
    renderPage(<EnrolButton session={session(2)} enrolment={undefined} />);
    expect(screen.getByRole("link", { name: "Sign in to enrol" })).toHaveAttribute("href", "/sign-in");
    expect(screen.queryByRole("button")).toBeNull();
    expect(sent).toHaveLength(0);
  });

  it("takes a seat while there are seats, and says so", async () => {
    signInAs(["organisation_member"]);
    answer("POST /api/knowledge/training/sessions/s1/enrolments", { status: 201, body: enrolment("confirmed") });
    renderPage(<EnrolButton session={session(1)} enrolment={undefined} />);
    await userEvent.click(screen.getByRole("button", { name: "Enrol" }));
    expect(await screen.findByRole("status")).toHaveTextContent("You have a seat in this session.");
    expect(screen.queryByRole("button")).toBeNull();
    expect(sent.find((r) => r.method === "POST")?.authorization).toBe("Bearer token-organisation_member");
  });

  it("offers the waiting list once the session is full, and shows the place in it", async () => {
    signInAs(["organisation_member"]);
    answer("POST /api/knowledge/training/sessions/s1/enrolments", { status: 201, body: enrolment("waitlisted", 3) });
    renderPage(<EnrolButton session={session(0)} enrolment={undefined} />, { language: "es" });
    await userEvent.click(screen.getByRole("button", { name: "Apuntarme a la lista de espera" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Estás en la lista de espera, con el número 3.");
  });

  it("shows where an enrolled person stands without offering to enrol again; a cancelled one may", () => {
    signInAs(["organisation_member"]);
    const { unmount } = renderPage(<EnrolButton session={session(0)} enrolment={enrolment("waitlisted", 1)} />);
    expect(screen.getByRole("status")).toHaveTextContent("You are on the waiting list, number 1.");
    expect(screen.queryByRole("button")).toBeNull();
    unmount();
    renderPage(<EnrolButton session={session(2)} enrolment={enrolment("cancelled")} />);
    expect(screen.getByRole("button", { name: "Enrol" })).toBeEnabled();
  });

  it("shows the service's reason when it refuses", async () => {
    signInAs(["cluster_manager"]);
    answer("POST /api/knowledge/training/sessions/s1/enrolments", {
      status: 403,
      body: { type: "urn:cloth:problem:not-in-audience", code: "not-in-audience", title: "Forbidden", status: 403, detail: "this course is for members" },
    });
    renderPage(<EnrolButton session={session(2)} enrolment={undefined} />);
    await userEvent.click(screen.getByRole("button", { name: "Enrol" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("this course is for members");
    expect(screen.getByRole("button", { name: "Enrol" })).toBeEnabled();
  });
});
