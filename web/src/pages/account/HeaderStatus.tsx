// What the header shows of the signed-in person beside the menu.
export function HeaderStatus() {
  return null;
}
