package dev.vigil.server.console;

import java.util.List;

/**
 * WCAG AA checks of the page a {@link ConsoleBrowser} shows, run in the page itself on what the browser
 * rendered (computed colours after the theme's custom properties, sizes, labels):
 * <ul>
 *   <li>every visible text against the background it is drawn on, layers of translucent backgrounds
 *       blended: at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold); typed values and
 *       placeholders of inputs count as text. Disabled controls are exempt, as WCAG exempts inactive
 *       components, and so is text hidden from sight ({@code .visually-hidden}, clipped to a pixel);</li>
 *   <li>every form control has a label (a {@code <label>}, {@code aria-label}, {@code aria-labelledby} or
 *       {@code title}), every button a name.</li>
 * </ul>
 */
public final class ConsoleAccessibility {
    private static final String PROBE = """
            const problems = [];
            const parse = (text) => {
              const m = /rgba?\\(([^)]+)\\)/.exec(text || '');
              if (!m) return null;
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
            };
            const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                             b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
            const luminance = (c) => {
              const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
            };
            const ratio = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
            const background = (el) => {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const bg = parse(getComputedStyle(e).backgroundColor);
                if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
              }
              let colour = { r: 255, g: 255, b: 255, a: 1 };
              for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
              return colour;
            };
            const hidden = (el) => {
              if (el.closest('[hidden], [aria-hidden="true"], .visually-hidden, option')) return true;
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden' || style.display === 'none' || parseFloat(style.opacity) === 0) return true;
              const box = el.getBoundingClientRect();
              return box.width <= 1 || box.height <= 1;
            };
            const inactive = (el) => !!el.closest('button:disabled, input:disabled, select:disabled, textarea:disabled, fieldset:disabled, [aria-disabled="true"]');
            const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
            const check = (el, colourText, sample) => {
              const style = getComputedStyle(el);
              const bg = background(el);
              const fg = over(parse(colourText), bg);
              const size = parseFloat(style.fontSize);
              const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
              const needed = large ? 3 : 4.5;
              const got = ratio(fg, bg);
              if (got < needed) {
                problems.push('contrast ' + got.toFixed(2) + ':1 < ' + needed + ':1 for "' + sample.trim().slice(0, 40) + '" in ' + describe(el)
                    + ' (' + colourText + ' on rgb(' + [bg.r, bg.g, bg.b].map(Math.round).join(', ') + '))');
              }
            };
            for (const el of document.body.querySelectorAll('*')) {
              if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'svg', 'TEMPLATE'].includes(el.tagName) || hidden(el) || inactive(el)) continue;
              const text = Array.from(el.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('');
              if (text.trim()) check(el, getComputedStyle(el).color, text);
              if (el.matches('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, select')) {
                if (el.value) check(el, getComputedStyle(el).color, el.value);
                else if (el.placeholder) check(el, getComputedStyle(el, '::placeholder').color, el.placeholder);
              }
            }
            const named = (el) => {
              if ((el.getAttribute('aria-label') || '').trim() || (el.getAttribute('title') || '').trim()) return true;
              const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
              if (ids.some(id => document.getElementById(id) && document.getElementById(id).textContent.trim())) return true;
              return false;
            };
            for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
              const labelled = Array.from(el.labels || []).some(l => l.textContent.trim());
              if (!labelled && !named(el)) problems.push('no label for ' + describe(el) + (el.name ? ' (name ' + el.name + ')' : ''));
            }
            for (const el of document.querySelectorAll('button, [role=button], a[href]')) {
              if (!el.textContent.trim() && !named(el) && !el.querySelector('img[alt]:not([alt=""])')) problems.push('no name for ' + describe(el));
            }
            return problems;
            """;

    private ConsoleAccessibility() {
    }

    /** What on the browser's current page fails the checks above; empty when the page passes. */
    @SuppressWarnings("unchecked")
    public static List<String> problems(ConsoleBrowser browser) {
        return (List<String>) browser.script(PROBE);
    }
}
