// Dexie needs IndexedDB; Node has none. fake-indexeddb installs a spec-compliant one.
import 'fake-indexeddb/auto';
