/* scripts/memmap/page.js - inlined into every memmap page (render.py).
 *
 * One <g class="frame"> per page-table snapshot; the arrow keys (and the
 * buttons, and the chips) show one at a time. Hovering anything with a
 * data-src shows that source in the info box and, for a mapping, lights
 * up its links. On load the page steps through every frame with the same
 * key handler and writes what it saw into <body data-trail>, hovers the
 * first mapping (<body data-hover="ok">), and records any script error
 * in <body data-errors>: tests/qemu/test_memmap.py reads them from a
 * headless browser.
 */
(function () {
	"use strict";
	var body = document.body;
	window.addEventListener("error", function (e) {
		body.dataset.errors = (body.dataset.errors || "") + e.message + "\n";
	});
	var data = JSON.parse(document.getElementById("memmap-data").textContent);
	var frames = Array.prototype.slice.call(document.querySelectorAll("g.frame"));
	var chips = document.getElementById("chips");
	var info = document.getElementById("info");
	var cur = 0;

	frames.forEach(function (g, i) {
		if (g.classList.contains("on"))
			cur = i;
		var c = document.createElement("span");
		c.textContent = (i + 1) + ". " + data.frames[i].title;
		c.addEventListener("click", function () { show(i); });
		chips.appendChild(c);
	});

	function show(i) {
		i = Math.max(0, Math.min(frames.length - 1, i));
		frames.forEach(function (g, j) {
			g.classList.toggle("on", j === i);
			chips.children[j].classList.toggle("on", j === i);
		});
		cur = i;
		body.dataset.frame = String(i);
		document.getElementById("frame-title").textContent = (i + 1) + "/" + frames.length +
			"  " + data.frames[i].name + ": " + data.frames[i].title;
	}

	function onKey(e) {
		var to = { ArrowLeft: cur - 1, ArrowUp: cur - 1, ArrowRight: cur + 1,
			   ArrowDown: cur + 1, Home: 0, End: frames.length - 1 }[e.key];
		if (to === undefined)
			return;
		e.preventDefault();
		show(to);
	}
	document.addEventListener("keydown", onKey);
	document.getElementById("prev").addEventListener("click", function () { show(cur - 1); });
	document.getElementById("next").addEventListener("click", function () { show(cur + 1); });

	var lit = [];
	function hex(n) { return "0x" + ("00000000" + n.toString(16)).slice(-8); }
	document.getElementById("memmap").addEventListener("mouseover", function (e) {
		var t = e.target.closest("[data-src]");
		if (!t)
			return;
		lit.forEach(function (x) { x.classList.remove("hl"); });
		lit = [];
		info.textContent = t.dataset.label + "  " + t.dataset.start + "-" + t.dataset.end +
			"\n" + t.dataset.src;
		if (t.dataset.map) {
			lit = Array.prototype.slice.call(
				document.querySelectorAll('[data-map="' + t.dataset.map + '"]'));
			var pas = lit.filter(function (x) { return x.dataset.pa; }).map(function (x) {
				return x.dataset.va + " -> " + x.dataset.pa + " (" + x.dataset.size + " bytes)";
			});
			if (pas.length)
				info.textContent += "\nlinks:\n  " + pas.slice(0, 8).join("\n  ") +
					(pas.length > 8 ? "\n  ... " + (pas.length - 8) + " more" : "");
			else
				info.textContent += "\n(no physical address known for this mapping)";
			lit.forEach(function (x) { x.classList.add("hl"); });
		}
	});

	/* The self-check: Home, then ArrowRight through every frame, through
	 * the real handler; then back to the frame the page opened on. */
	var start = cur, trail = [];
	onKey({ key: "Home", preventDefault: function () {} });
	trail.push(cur);
	for (var k = 1; k < frames.length; k++) {
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
		trail.push(cur);
	}
	var m = /^#frame=(\d+)$/.exec(location.hash);   /* page.html#frame=3: open on frame 3 */
	show(m ? Number(m[1]) - 1 : start);
	body.dataset.trail = trail.join(",");
	/* ... and a hover over the first mapping shown must put its ptdump line in the box */
	var first = frames[cur].querySelector("rect[data-map]");
	if (first) {
		first.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		body.dataset.hover = info.textContent.indexOf(first.dataset.src.split("\n")[0]) >= 0 &&
			lit.length > 0 ? "ok" : "failed";
		info.textContent = "hover a region";
		lit.forEach(function (x) { x.classList.remove("hl"); });
	}
	body.dataset.ready = hex(data.phys_offset);
})();
