// Reception desk: results follow the typing, without a page reload.
// The form still works without JavaScript (it submits and the server answers).
(() => {
  const form = document.querySelector("[data-live-search]");
  if (!form) return;
  const input = form.querySelector("input[type=search]");
  const target = document.querySelector(form.dataset.results);
  let timer = null;
  let controller = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const params = new URLSearchParams({ q: input.value, partial: "1", typing: "1" });
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${form.action}?${params}`, {
          signal: controller.signal,
          headers: { "X-Requested-With": "fetch" },
        });
        if (response.ok) target.innerHTML = await response.text();
      } catch (error) {
        if (error.name !== "AbortError") throw error;
      }
    }, 150);
  });
})();

// "/" brings the agent back to the question from anywhere on the desk, as on
// most search pages; the answer card takes the focus when it opens.
document.addEventListener("keydown", (event) => {
  const input = document.querySelector("#desk-q");
  const typing = event.target.closest("input, textarea, select, [contenteditable]");
  if (event.key === "/" && input && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    input.focus();
    input.select();
  }
});
