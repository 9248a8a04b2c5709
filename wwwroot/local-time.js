// <local-time datetime="2026-11-30T08:20:07.0000000Z" format="relative|absolute">: a time the
// server renders in UTC, written in the browser's own time zone and the page's language.
// The server cannot know the browser's zone before a circuit exists (prerendering, the static
// settings page), and the browser can. Blazor renders the element without children, so the text
// this script writes is never diffed away.
(() => {
    if (customElements.get("local-time")) return;

    const dayMs = 24 * 60 * 60 * 1000;
    const language = () => document.documentElement.lang || undefined;
    const absolute = (date) => new Intl.DateTimeFormat(language(), {
        year: "numeric", month: "short", day: "numeric",
        hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
        timeZoneName: "short",
    }).format(date);

    // Seconds, minutes or hours ago; past a day a date reads better than "3 days ago".
    const relative = (date, now) => {
        const ago = Math.max(0, now - date.getTime());
        if (ago >= dayMs) return null;
        const words = new Intl.RelativeTimeFormat(language(), { numeric: "auto" });
        if (ago < 60_000) return words.format(-Math.floor(ago / 1000 / 10) * 10, "second");
        if (ago < 3_600_000) return words.format(-Math.floor(ago / 60_000), "minute");
        return words.format(-Math.floor(ago / 3_600_000), "hour");
    };

    const shown = new Set();

    class LocalTime extends HTMLElement {
        static get observedAttributes() { return ["datetime", "format"]; }
        connectedCallback() { shown.add(this); this.render(); }
        disconnectedCallback() { shown.delete(this); }
        attributeChangedCallback() { if (this.isConnected) this.render(); }

        render() {
            const date = new Date(this.getAttribute("datetime"));
            if (Number.isNaN(date.getTime())) return;
            const full = absolute(date);
            const text = this.getAttribute("format") === "relative" ? relative(date, Date.now()) ?? full : full;
            if (this.textContent !== text) this.textContent = text;
            // The other reading on hover: the local time for a relative one, UTC for an absolute one.
            this.title = text === full ? date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") : full;
            this.dataset.rendered = "true";
        }
    }

    customElements.define("local-time", LocalTime);
    // "20 seconds ago" must not stay on screen for an hour.
    setInterval(() => shown.forEach((element) => {
        if (element.getAttribute("format") === "relative") element.render();
    }), 10_000);
})();
