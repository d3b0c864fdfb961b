package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.Transition;

import java.util.List;
import java.util.Map;

/**
 * Where states and transitions are kept. Writes must not block the monitoring threads for long: an adapter that
 * talks to a remote store queues them (bounded) and writes them on its own thread.
 */
public interface StateStore {

    Map<String, StoredState> loadStates();

    void saveState(StoredState state);

    void append(Transition transition);

    /** The newest transitions of all services, newest first, at most {@code max}. */
    List<Transition> recent(int max);

    /** The newest transitions of one service, newest first, at most {@code max}. */
    List<Transition> recentOf(String service, int max);
}
