// The certificate's PDF needs the holder's bearer token, so a plain link cannot fetch it: it is
// fetched through the API client (which adds the token), kept as a blob, and handed to the
// browser's download through a short-lived object URL.
import { knowledge, problemMessage } from "../../api/clients";

export async function downloadCertificate(certificateId: string, code: string): Promise<void> {
  const { data, error } = await knowledge.GET("/training/certificates/{certificate_id}/pdf", {
    params: { path: { certificate_id: certificateId } },
    parseAs: "blob",
  });
  if (!data) throw new Error(problemMessage(error));
  const url = URL.createObjectURL(data);
  const link = document.createElement("a");
  link.href = url;
  link.download = `certificate-${code}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; it is released once the browser no longer needs it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
