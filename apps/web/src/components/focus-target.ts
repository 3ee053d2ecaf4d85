/**
 * Takes the reader straight to the element a checklist link names (issue #18): it waits for the
 * element to be rendered (the tab loads its data first), opens the `<details>` around it, and
 * puts the focus on it, on the first field of a form it holds, or on a heading made focusable.
 */
export function focusTarget(id: string, { timeoutMs = 5000 } = {}): void {
  const started = Date.now();
  const attempt = () => {
    const element = document.getElementById(id);
    if (!element) {
      if (Date.now() - started < timeoutMs) {
        window.setTimeout(attempt, 50);
      }
      return;
    }
    for (let node: HTMLElement | null = element; node; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement) {
        node.open = true;
      }
    }
    const field =
      element instanceof HTMLDetailsElement || element instanceof HTMLFormElement
        ? element.querySelector<HTMLElement>('input, select, textarea')
        : null;
    const target = field ?? element;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };
  // After the render the navigation causes.
  window.setTimeout(attempt, 0);
}
