import { PLAN_LIMITS } from "./plan-limits";
import type { Evidence, Factor, Plan } from "./plan-schema";
import {
  DELETED,
  FACTOR_FIELD_NAMES,
  type FactorField,
  evidenceLabel,
  factorLabel,
  showCriteria,
  showCustomCriteria,
  showEvidenceList,
  showFactorField,
  showFactorList,
  showKeptWithChanges,
  showPosition,
  showSource,
  showText,
} from "./plan-clash-text";

// Two tabs (or a phone and a laptop) editing one plan each save from the revision they
// loaded; the second is refused with the newer plan. Rather than make the student throw one
// side away, the planner merges the three versions field by field: whatever only one side
// changed is kept, and only a field both sides changed to different values is a clash the
// student decides. See docs/decisions/009-plan-field-merge.md.

/** One part of the plan both sides changed differently. `mine`/`theirs` are readable values. */
export type PlanClash = { key: string; label: string; mine: string; theirs: string };
export type ClashChoice = "mine" | "theirs";
export type ClashChoices = Record<string, ClashChoice>;
export type PlanMerge = { plan: Plan; clashes: PlanClash[] };

/**
 * Merges `mine` (this tab's plan) and `theirs` (the newer saved plan), both edited from `base`.
 * Every clash found is listed, whether or not `choices` settles it; a clash takes
 * `choices[key] ?? "theirs"`, so calling again with the student's choices gives the plan to
 * save. The result always passes PlanSchema: where keeping both sides' additions would go
 * past a limit (factors, evidence per factor, criteria), that is reported as a clash too.
 */
export function mergePlans(base: Plan, mine: Plan, theirs: Plan, choices: ClashChoices = {}): PlanMerge {
  const clashes: PlanClash[] = [];
  const decide = (clash: PlanClash): ClashChoice => {
    clashes.push(clash);
    return choices[clash.key] ?? "theirs";
  };
  const m = new Merger(decide);

  let factors = m.list("factor", base.factors, mine.factors, theirs.factors, {
    both: (b, mf, tf) => m.factor(b, mf, tf),
    describeKept: (kept, b) => showKeptWithChanges(changedParts(b, kept)),
    label: (b, mf, tf) => factorLabel(mf, tf, b),
  });
  if (factors.length > PLAN_LIMITS.factors) {
    const side = decide({
      key: "factors",
      label: `Factors: together the two tabs have ${factors.length}, more than the ${PLAN_LIMITS.factors} a plan can hold`,
      mine: showFactorList(mine.factors),
      theirs: showFactorList(theirs.factors),
    });
    const keep = new Set((side === "mine" ? mine : theirs).factors.map((f) => f.id));
    factors = factors.filter((f) => keep.has(f.id));
  }

  const criteria = m.set("criteria", "Significance criteria", PLAN_LIMITS.criteria, showCriteria, base.criteria, mine.criteria, theirs.criteria);
  const customCriteria = m.set(
    "customCriteria",
    "Your own criteria",
    PLAN_LIMITS.customCriteria,
    showCustomCriteria,
    base.customCriteria,
    mine.customCriteria,
    theirs.customCriteria,
  );
  const { judgement: bj } = base;
  const judgement = {
    position: m.pick("judgement:position", "Your judgement: position on the line", bj.position, mine.judgement.position, theirs.judgement.position, showPosition),
    argument: m.pick("judgement:argument", "Your judgement: line of argument", bj.argument, mine.judgement.argument, theirs.judgement.argument, showText),
  };
  return { plan: { factors: withUniqueIds(factors), criteria, customCriteria, judgement }, clashes };
}

/** Marks a value as missing from the base (both sides added it independently). */
const ABSENT: unique symbol = Symbol("absent");
type Base<T> = T | typeof ABSENT;

type ListRules<T> = {
  both: (base: T | undefined, mine: T, theirs: T) => T;
  /** What the side that kept (and changed) an item did to it, for a removed-vs-changed clash. */
  describeKept: (kept: T, base: T) => string;
  label: (base: T | undefined, mine: T | undefined, theirs: T | undefined) => string;
};

class Merger {
  constructor(private readonly decide: (clash: PlanClash) => ClashChoice) {}

  /** One value: the side that changed it wins; both changed to different values is a clash. */
  pick<T>(key: string, label: string, base: Base<T>, mine: T, theirs: T, show: (v: T) => string): T {
    if (same(mine, theirs)) return theirs;
    if (base !== ABSENT && same(base, mine)) return theirs;
    if (base !== ABSENT && same(base, theirs)) return mine;
    return this.decide({ key, label, mine: show(mine), theirs: show(theirs) }) === "mine" ? mine : theirs;
  }

  /** Items matched by id: additions from either side kept, removals kept unless the other side changed the item. */
  list<T extends { id: string }>(keyPrefix: string, base: T[], mine: T[], theirs: T[], rules: ListRules<T>): T[] {
    const [b, mi, th] = [byId(base), byId(mine), byId(theirs)];
    const merged = new Map<string, T>();
    for (const id of new Set([...base, ...mine, ...theirs].map((x) => x.id))) {
      const [bx, mx, tx] = [b.get(id), mi.get(id), th.get(id)];
      const key = `${keyPrefix}:${id}`;
      if (mx && tx) merged.set(id, rules.both(bx, mx, tx));
      else if (!bx) {
        if (mx ?? tx) merged.set(id, (mx ?? tx)!);
      } else if (mx && !same(bx, mx)) {
        // Changed here, removed in the other tab.
        const choice = this.decide({ key, label: rules.label(bx, mx, undefined), mine: rules.describeKept(mx, bx), theirs: DELETED });
        if (choice === "mine") merged.set(id, mx);
      } else if (tx && !same(bx, tx)) {
        const choice = this.decide({ key, label: rules.label(bx, undefined, tx), mine: DELETED, theirs: rules.describeKept(tx, bx) });
        if (choice === "theirs") merged.set(id, tx);
      }
      // Otherwise removed on one side and untouched on the other (or on both): gone.
    }
    return mergeOrder(base, mine, theirs).flatMap((id) => (merged.has(id) ? [merged.get(id)!] : []));
  }

  factor(base: Factor | undefined, mine: Factor, theirs: Factor): Factor {
    const label = factorLabel(mine, theirs, base);
    const field = <F extends FactorField>(f: F): Factor[F] =>
      this.pick(`factor:${mine.id}:${f}`, `${label}: ${FACTOR_FIELD_NAMES[f]}`, base ? base[f] : ABSENT, mine[f], theirs[f], (v) =>
        showFactorField(f, v),
      );
    const key = `factor:${mine.id}:evidence`;
    let evidence = this.list(key, base?.evidence ?? [], mine.evidence, theirs.evidence, {
      both: (b, me, te) => this.evidence(`${key}:${me.id}`, label, b, me, te),
      describeKept: (kept) => kept.text,
      label: (b, me, te) => evidenceLabel(label, me, te, b),
    });
    if (evidence.length > PLAN_LIMITS.evidencePerFactor) {
      const side = this.decide({
        key,
        label: `${label}: evidence (together the two tabs have ${evidence.length} pieces, more than the ${PLAN_LIMITS.evidencePerFactor} a factor can hold)`,
        mine: showEvidenceList(mine.evidence),
        theirs: showEvidenceList(theirs.evidence),
      });
      const keep = new Set((side === "mine" ? mine : theirs).evidence.map((e) => e.id));
      evidence = evidence.filter((e) => keep.has(e.id));
    }
    const area = field("area");
    return {
      id: mine.id,
      name: field("name"),
      kind: field("kind"),
      evidence,
      argumentFor: field("argumentFor"),
      argumentAgainst: field("argumentAgainst"),
      weight: field("weight"),
      miniJudgement: field("miniJudgement"),
      ...(area === undefined ? {} : { area }),
    };
  }

  evidence(key: string, factor: string, base: Evidence | undefined, mine: Evidence, theirs: Evidence): Evidence {
    const label = evidenceLabel(factor, mine, theirs, base);
    const merged: Evidence = {
      id: mine.id,
      text: this.pick(`${key}:text`, `${label}: text`, base ? base.text : ABSENT, mine.text, theirs.text, showText),
      source: this.pick(`${key}:source`, `${label}: where it came from`, base ? base.source : ABSENT, mine.source, theirs.source, showSource),
    };
    // The "key evidence" flag merges like any field; absent (older plans) stays absent.
    const isKey = this.pick(`${key}:key`, `${label}: marked as key`, base ? base.key : ABSENT, mine.key, theirs.key, (v) => (v ? "key evidence" : "not key"));
    return isKey === undefined ? merged : { ...merged, key: isKey };
  }

  /**
   * Chosen criteria are sets: a criterion is kept if both sides have it or either side added
   * it, and dropped if either side removed it. Past the list's limit, the student picks a side.
   */
  set(key: string, label: string, limit: number, show: (v: string[]) => string, base: string[], mine: string[], theirs: string[]): string[] {
    const [b, m, t] = [new Set(base), new Set(mine), new Set(theirs)];
    const kept = [...new Set([...theirs, ...mine])].filter((x) => (m.has(x) && t.has(x)) || (!b.has(x) && (m.has(x) || t.has(x))));
    if (kept.length <= limit) return kept;
    const side = this.decide({
      key,
      label: `${label}: together the two tabs have ${kept.length}, more than the ${limit} a plan can hold`,
      mine: show(mine),
      theirs: show(theirs),
    });
    return [...(side === "mine" ? mine : theirs)];
  }
}

/**
 * The order of a list by id: the side that reordered the items both kept wins (theirs if both
 * did), then the other side's new items in their own order, then anything left in base order.
 */
function mergeOrder(base: { id: string }[], mine: { id: string }[], theirs: { id: string }[]): string[] {
  const ids = (list: { id: string }[]) => list.map((x) => x.id);
  const reordered = (side: string[]) => {
    const [inSide, inBase] = [new Set(side), new Set(ids(base))];
    return !same(
      side.filter((id) => inBase.has(id)),
      ids(base).filter((id) => inSide.has(id)),
    );
  };
  const [m, t] = [ids(mine), ids(theirs)];
  const [lead, follow] = reordered(t) || !reordered(m) ? [t, m] : [m, t];
  return [...new Set([...lead, ...follow, ...ids(base)])];
}

/** Which parts of a factor one side changed, in the planner's words. */
function changedParts(base: Factor, kept: Factor): string[] {
  const fields = (Object.keys(FACTOR_FIELD_NAMES) as FactorField[]).filter((f) => !same(base[f], kept[f]));
  return [...fields.map((f) => FACTOR_FIELD_NAMES[f]), ...(same(base.evidence, kept.evidence) ? [] : ["evidence"])];
}

/**
 * Ids must be unique across a plan. Random ids never collide, but an item moved between
 * factors in one tab and changed in the other can come back twice; keep its first copy.
 */
function withUniqueIds(factors: Factor[]): Factor[] {
  const seen = new Set(factors.map((f) => f.id));
  const firstCopy = (id: string) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
  return factors.map((f) => ({ ...f, evidence: f.evidence.filter((e) => firstCopy(e.id)) }));
}

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** Structural equality for plan values (JSON data), treating a missing key as undefined. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
