// Ponte's signed-in pages: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Copy buttons: <button data-copy="element-id" data-copied="Copiado!">
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) {
      return;
    }
    var text = source.value !== undefined ? source.value : source.textContent;
    var done = function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied") || label;
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { source.select(); document.execCommand("copy"); done(); });
    } else {
      source.select();
      document.execCommand("copy");
      done();
    }
  });

  // The mapping editor: chips insert {{field}} at the cursor of the last focused input; the
  // transform picker adds "| transform" to the {{ }} block at (or before) the cursor.
  var editor = document.getElementById("editor");
  if (!editor) {
    return;
  }
  var inputs = editor.querySelectorAll(".mapping-input");
  var target = inputs.length ? inputs[0] : null;
  inputs.forEach(function (input) {
    input.addEventListener("focus", function () { target = input; });
  });

  function insertAt(input, text, position) {
    var value = input.value;
    input.value = value.slice(0, position) + text + value.slice(position);
    var caret = position + text.length;
    input.focus();
    input.setSelectionRange(caret, caret);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  editor.querySelectorAll(".chip[data-field]").forEach(function (chip) {
    // keep the input's selection: a mousedown on the chip would move the focus first
    chip.addEventListener("mousedown", function (event) { event.preventDefault(); });
    chip.addEventListener("click", function () {
      if (!target) {
        return;
      }
      var start = target.selectionStart === null ? target.value.length : target.selectionStart;
      var end = target.selectionEnd === null ? start : target.selectionEnd;
      target.value = target.value.slice(0, start) + target.value.slice(end);
      insertAt(target, "{{" + chip.getAttribute("data-field") + "}}", start);
    });
  });

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var search = document.getElementById("chip-search");
  if (search) {
    search.addEventListener("input", function () {
      var wanted = normalise(search.value.trim());
      editor.querySelectorAll(".chip[data-field]").forEach(function (chip) {
        var shown = !wanted || normalise(chip.textContent + " " + chip.getAttribute("data-field")).indexOf(wanted) >= 0;
        chip.parentElement.hidden = !shown;
      });
    });
  }

  var picker = document.getElementById("transform");
  var apply = document.getElementById("apply-transform");
  var hint = document.getElementById("transform-hint");
  if (picker && apply) {
    apply.addEventListener("mousedown", function (event) { event.preventDefault(); });
    apply.addEventListener("click", function () {
      if (!target) {
        return;
      }
      var value = target.value;
      var caret = target.selectionStart === null ? value.length : target.selectionStart;
      // the block around the caret, else the last one before it
      var open = value.lastIndexOf("{{", caret);
      var close = open < 0 ? -1 : value.indexOf("}}", open);
      if (open < 0 || close < 0) {
        open = value.lastIndexOf("{{");
        close = open < 0 ? -1 : value.indexOf("}}", open);
      }
      if (open < 0 || close < 0) {
        hint.textContent = hint.getAttribute("data-no-field");
        return;
      }
      hint.textContent = "";
      var option = picker.options[picker.selectedIndex];
      var text = " | " + option.value + (option.getAttribute("data-argument") === "true" ? ':""' : "");
      var before = value.slice(0, close).replace(/\s+$/, "");
      target.value = before + text + value.slice(close);
      var at = before.length + text.length - (text.slice(-1) === '"' ? 1 : 0);
      target.focus();
      target.setSelectionRange(at, at);
    });
  }
})();
