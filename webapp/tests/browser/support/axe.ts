// axe-core in the page: runs every default rule (WCAG 2.x A and AA, and axe's best practices) over
// Connect's own elements and fails with a readable list of the serious and critical violations.
import axe from 'axe-core';
import type {Page} from 'playwright-core';

// A violation Connect cannot fix, written down with its reason; it matches one rule on the elements
// whose target (axe's CSS selector) contains `target`.
export interface AxeException {
    rule: string;
    target: string;
    reason: string;
}

export interface AxeFinding {
    rule: string;
    impact: string;
    target: string;
    summary: string;
    help: string;
    html: string;
}

interface AxeScope {
    // Where Connect's own elements start: each element matching one of these selectors, with
    // everything inside it. null: the whole page (a page Connect serves alone).
    roots?: string[] | null;
}

declare global {
    interface Window {
        axe?: typeof axe;
    }
}

const blocking = new Set(['serious', 'critical']);

// Connect's outermost elements in the web app: each carries a cc- class (common.css), and the
// parts rendered outside them (the emoji picker, the picture viewer, the app bar's unread badge)
// are portals with cc- classes of their own. The host's chrome around them is not the product.
export const connectRoots = ['[class^="cc-"]', '[class*=" cc-"]'];

async function injectAxe(page: Page): Promise<void> {
    if (await page.evaluate(() => Boolean(window.axe))) {
        return;
    }
    // Evaluated rather than added as a <script>: pages Connect serves alone have a strict
    // Content-Security-Policy, which a script element would break but evaluation does not meet.
    await page.evaluate(axe.source);
}

// The serious and critical violations axe finds in scope, one entry per element.
export async function seriousViolations(page: Page, {roots = null}: AxeScope = {}): Promise<AxeFinding[]> {
    await injectAxe(page);
    return page.evaluate(async (rootSelectors) => {
        const runner = window.axe!;
        let context: import('axe-core').ElementContext = document;
        if (rootSelectors) {
            const selector = rootSelectors.join(', ');
            // Only the outermost: axe checks what is inside each root.
            const outermost = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter((element) => !element.parentElement?.closest(selector));
            if (outermost.length === 0) {
                throw new Error(`Nothing on the page matches ${rootSelectors.join(', ')}.`);
            }
            context = {include: outermost};
        }
        const results = await runner.run(context, {resultTypes: ['violations']});
        return results.violations.flatMap((violation) => violation.nodes.map((node) => ({
            rule: violation.id,
            impact: node.impact ?? violation.impact ?? 'unknown',
            target: node.target.join(' '),
            summary: node.failureSummary ?? '',
            help: violation.help,
            html: node.html.slice(0, 300),
        })));
    }, roots).then((findings) => findings.filter((finding) => blocking.has(finding.impact)));
}

export function describeFindings(findings: AxeFinding[]): string {
    return findings.map((finding) => `- ${finding.rule} (${finding.impact}) at ${finding.target}: ${finding.help}\n    ${finding.html}\n    ${finding.summary.replace(/\n/g, '\n    ')}`).join('\n');
}

const excepted = (finding: AxeFinding, exceptions: AxeException[]) =>
    exceptions.some((exception) => exception.rule === finding.rule && finding.target.includes(exception.target));

// Fails naming each serious or critical violation that is not a written-down exception.
export async function expectNoSeriousViolations(page: Page, where: string, {roots = connectRoots, exceptions = []}: AxeScope & {exceptions?: AxeException[]} = {}): Promise<void> {
    const findings = (await seriousViolations(page, {roots})).filter((finding) => !excepted(finding, exceptions));
    if (findings.length > 0) {
        throw new Error(`axe found serious or critical violations in ${where}:\n${describeFindings(findings)}`);
    }
}
