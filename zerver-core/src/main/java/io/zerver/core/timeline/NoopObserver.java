package io.zerver.core.timeline;

final class NoopObserver implements TimelineObserver {

    static final NoopObserver INSTANCE = new NoopObserver();

    private NoopObserver() {
    }
}
