package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.Optional;

import org.lstmlab.engine.trace.Trace;
import org.lstmlab.engine.trace.expr.Evaluator;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.engine.trace.expr.TraceScope;

/**
 * Finds where Continue stops: the first position after the cursor, in stepping order, at which an enabled
 * breakpoint holds. Each breakpoint is tested once per timestep and layer, at the equation where the last value it
 * reads is computed ({@link Availability}). Reads the recorded trace only, so it may run on a worker.
 */
public final class BreakpointSearch {

    /** Where Continue stops and why. {@code breakpoint} is the index in the list, or -1 at the end of the trace. */
    public record Hit(Cursor cursor, int breakpoint) {
    }

    /** A breakpoint that could not be evaluated (an index past H after a resize, say), reported and skipped. */
    public record Failure(int breakpoint, ExprError error) {
    }

    /** The result: where to stop, and the breakpoints that failed on the way. */
    public record Result(Hit hit, List<Failure> failures) {
    }

    private BreakpointSearch() {
    }

    /** Searches forward in stepping order from (not including) {@code from}. */
    public static Result next(Trace trace, Navigator nav, Cursor from, List<Breakpoint> breakpoints) {
        return search(trace, nav, from, breakpoints, +1);
    }

    /** Searches backward in stepping order (Continue backwards), stopping at the first position if nothing holds. */
    public static Result previous(Trace trace, Navigator nav, Cursor from, List<Breakpoint> breakpoints) {
        return search(trace, nav, from, breakpoints, -1);
    }

    private static Result search(Trace trace, Navigator nav, Cursor from, List<Breakpoint> bps, int dir) {
        int n = bps.size();
        int[] trigger = new int[n];
        boolean[] failed = new boolean[n];
        java.util.ArrayList<Failure> failures = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            trigger[k] = Availability.ofAll(bps.get(k).expr().names(), trace.cell(), nav.direction());
        }
        int perLayer = nav.equations().size();
        int start = nav.index(from);
        int blocks = nav.steps() * nav.layers();
        int firstBlock = start / perLayer;
        for (int block = firstBlock; block >= 0 && block < blocks; block += dir) {
            Cursor base = nav.at(block * perLayer);
            Cursor best = null;
            int bestBp = -1;
            for (int k = 0; k < n; k++) {
                Breakpoint bp = bps.get(k);
                if (!bp.enabled() || failed[k] || trigger[k] >= perLayer) {
                    continue;
                }
                int index = block * perLayer + trigger[k];
                if (dir > 0 ? index <= start : index >= start) {
                    continue;
                }
                boolean better = best == null || (dir > 0 ? index < nav.index(best) : index > nav.index(best));
                if (!better) {
                    continue;
                }
                try {
                    if (Evaluator.evaluate(bp.expr(), new TraceScope(trace, base.layer(), base.t(), 0)).holds()) {
                        best = nav.at(index);
                        bestBp = k;
                    }
                } catch (ExprError e) {
                    failed[k] = true;
                    failures.add(new Failure(k, e));
                }
            }
            if (best != null) {
                return new Result(new Hit(best, bestBp), List.copyOf(failures));
            }
        }
        return new Result(new Hit(dir > 0 ? nav.last() : nav.first(), -1), List.copyOf(failures));
    }
}
