// Copy the personal feed address: the button only appears where the clipboard works.
document.querySelectorAll("[data-copy]").forEach((button) => {
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const field = document.getElementById(button.dataset.copy);
    navigator.clipboard.writeText(field.value).then(() => {
      button.dataset.copied = "true";
    });
  });
});
