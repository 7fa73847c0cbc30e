// The notebook library behind the page: which notebook is open, where it is saved, the
// learner's copies of lessons, and what the start page lists. It owns the storage handles so
// that the components stay unaware of IndexedDB, and the store stays unaware of files.
import { boundOutputs, hasUntrustedOutputs, trustOutputs, notebookLanguage, runsHere, lessonCopyId, lessonInfo, makeCodeCell, makeLessonCopy, makeNotebook, resetCellSteps, updateLessonCopy } from '../document';
import type { Notebook } from '../document';
import type { Store } from '../session/store';
import type { Session } from '../session/session';
import { Autosaver } from '../session/autosave';
import { NotebookRepo } from '../storage/notebooks';
import type { Backend } from '../storage/backend';
import { TRASH_DAYS } from '../storage/schema';
import { clearJournal, readJournal, writeJournal } from '../storage/journal';
import { lockNotebook } from '../storage/tab-lock';
import type { NotebookLock } from '../storage/tab-lock';
import { requestPersistence, storageFacts } from '../storage/quota';
import { COURSE, LESSONS, findLesson } from '../lessons/catalogue';
import { lessonProgress } from './progress';
import type { NbApp, NotebookAction } from '../ui/nb-app';
import type { LessonCard, LibraryAction } from '../ui/nb-start';
import type { NotebookEntry } from '../storage/notebooks';
import { FormatError } from '../formats/errors';
import { exportNotebook, readNotebookFile, saveFile } from './files';
import type { ExportKind, OpenedFile } from './files';

type Notice = NonNullable<Store['state']['notice']>;

export class Library {
  private readonly repo: NotebookRepo;
  private readonly autosaver: Autosaver;
  private lock: NotebookLock | null = null;
  private opened = false;
  private askedPersistence = false;
  /** Notebooks whose trimmed outputs were already reported, so the note is not repeated every second. */
  private readonly trimReported = new Set<string>();

  constructor(
    private readonly app: NbApp,
    private readonly store: Store,
    private readonly session: Session,
    backend: Backend,
  ) {
    this.repo = new NotebookRepo(backend);
    this.autosaver = new Autosaver(store, (nb) => this.persist(nb), (e) => this.saveFailed(e), 1000, (nb) => writeJournal(boundOutputs(nb).notebook));
    // Closing or hiding the tab must not lose the last second of work.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.autosaver.leaving();
    });
    window.addEventListener('pagehide', () => this.autosaver.leaving());
    app.storage = { durable: backend.durable, usage: null, quota: null, persisted: null, trashDays: TRASH_DAYS };
    app.onSave = () => void this.save();
    app.onLibrary = (a) => void this.act(a).catch((e: Error) => this.notify(`That did not work: ${e.message}`, 'error'));
  }

  private notify(text: string, kind: Notice['kind'], action?: Notice['action']): void {
    this.store.update({ notice: action ? { text, kind, action } : { text, kind } });
  }

  private async persist(nb: Notebook): Promise<void> {
    // A chatty cell must not fill the quota: the saved copy keeps outputs within the caps.
    const { notebook, trimmed } = boundOutputs(nb);
    await this.repo.save(notebook);
    clearJournal(nb.id);
    if (trimmed > 0 && !this.trimReported.has(nb.id)) {
      this.trimReported.add(nb.id);
      this.notify(`${trimmed} output${trimmed > 1 ? 's are' : ' is'} too large to keep in storage; they stay visible until the notebook is closed, and the saved copy says where they were.`, 'warning');
    }
    if (!this.askedPersistence && this.repo.durable) {
      // Asked once there is something worth keeping; browsers decide without a prompt.
      this.askedPersistence = true;
      void requestPersistence();
    }
  }

  private saveFailed(e: Error): void {
    const why = e.name === 'QuotaExceededError' ? 'storage is full' : e.message;
    this.notify(`Could not save in this browser (${why}). Nothing is lost: the notebook stays open here; download a copy to keep it.`, 'error', {
      label: 'Download a copy',
      run: () => this.download(),
    });
  }

  async save(): Promise<void> {
    await this.autosaver.flush();
    if (this.store.state.notice?.kind === 'error') return;
    const where = this.repo.durable ? 'in this browser' : 'for as long as this tab stays open';
    this.notify(`Saved “${this.store.doc.title}” ${where}.`, 'info');
  }

  /** Saves the open notebook as a file (.ipynb unless asked), e.g. when the browser's storage refuses it. */
  download(kind: ExportKind = 'ipynb'): void {
    exportNotebook(this.store.doc, kind)
      .then(saveFile)
      .catch((e: Error) => this.notify(`Could not write the ${kind} file: ${e.message}`, 'error'));
  }

  /** Opens a notebook file as a new notebook of this browser; what is open or stored stays as it is. */
  private async importFile(file: File): Promise<void> {
    let opened: OpenedFile;
    try {
      opened = await readNotebookFile(file);
    } catch (e) {
      const why = e instanceof FormatError ? e.message : `it could not be read (${(e as Error).message})`;
      this.notify(`Could not open “${file.name}”: ${why}.`, 'error');
      return;
    }
    await this.open(opened.notebook, false);
    const { warnings } = opened;
    const repaired = warnings.length
      ? ` Repaired while reading: ${warnings.slice(0, 3).join('; ')}${warnings.length > 3 ? `; and ${warnings.length - 3} more` : ''}.`
      : '';
    const language = notebookLanguage(opened.notebook);
    const code = runsHere(opened.notebook)
      ? 'Nothing has run: its code runs only when you run it.'
      : `Its ${language.charAt(0).toUpperCase() + language.slice(1)} code is shown read-only; this kernel runs TypeScript.`;
    const rich = hasUntrustedOutputs(this.store.doc) ? ' Its outputs show in their plain forms until you trust them.' : '';
    this.notify(`Opened “${file.name}”. ${code}${rich}${repaired}`, warnings.length ? 'warning' : 'info', rich ? { label: 'Trust its outputs', run: () => this.trust() } : undefined);
  }

  /** The learner trusts a notebook from a file: its HTML and SVG outputs show (still sanitized). */
  private trust(): void {
    this.store.dispatch({ steps: [{ type: 'replaceNotebook', notebook: trustOutputs(this.store.doc) }], origin: 'load' });
    this.store.update({ notice: null });
  }

  private async open(notebook: Notebook, stored: boolean): Promise<void> {
    await this.autosaver.flush();
    this.lock?.release();
    this.lock = await lockNotebook(notebook.id);
    this.store.dispatch({ steps: [{ type: 'replaceNotebook', notebook }], origin: 'load' });
    if (this.lock.held) this.autosaver.opened(this.store.doc, stored);
    else this.autosaver.closed();
    history.replaceState(null, '', `#/nb/${encodeURIComponent(notebook.id)}`);
    this.store.update({ notice: null, diagnostics: new Map() });
    this.app.lesson = lessonInfo(notebook) !== null;
    this.app.view = 'notebook';
    await this.app.updateComplete;
    performance.mark('nabla:notebook-rendered');
    // A new notebook (or lesson copy) is stored at once, under its own address, so that a reload
    // comes back to it; after the first paint, which need not wait for IndexedDB.
    if (!stored) void this.autosaver.flush();
    // A notebook opened after another one gets a fresh kernel, as in Jupyter.
    if (this.opened) await this.session.restart({ quiet: true });
    this.opened = true;
    if (!this.lock.held) {
      this.notify('This notebook is open in another tab, which saves it. Changes made here are not saved: close this tab, or use the other one.', 'warning');
      const lock = this.lock;
      void lock.handedOver.then(() => {
        if (this.lock === lock) void this.takeOver(notebook);
      });
    } else this.offerLessonUpdate();
  }

  /**
   * The other tab let the notebook go: this tab now edits it, starting from what the other tab
   * saved. Edits made here meanwhile were never saved; they go to the trash rather than away.
   */
  private async takeOver(openedAs: Notebook): Promise<void> {
    const local = this.store.doc;
    const stored = await this.load(openedAs.id);
    if (local !== openedAs) await this.repo.trashCopy(boundOutputs(local).notebook, `${local.title} (edits from a second tab)`);
    this.store.dispatch({ steps: [{ type: 'replaceNotebook', notebook: stored ?? local }], origin: 'load' });
    this.autosaver.opened(this.store.doc, stored !== null);
    this.notify(
      local !== openedAs
        ? 'The other tab closed this notebook, so you can edit it here now. It shows what that tab saved; what you typed here meanwhile is in the trash.'
        : 'The other tab closed this notebook, so you can edit it here now.',
      'info',
    );
  }

  /** A copy made from an older version of its lesson is offered the new one, never given it unasked. */
  private offerLessonUpdate(): void {
    const info = lessonInfo(this.store.doc);
    const lesson = info && findLesson(info.slug);
    if (!info || !lesson || info.version >= lesson.version) return;
    this.notify(`A newer version of this lesson is available. Updating changes only the cells you have not edited; your edits and added cells stay, and this version goes to the trash.`, 'info', {
      label: 'Update the lesson',
      run: () => void this.updateLesson(),
    });
  }

  private async updateLesson(): Promise<void> {
    const info = lessonInfo(this.store.doc);
    const lesson = info && findLesson(info.slug);
    if (!lesson) return;
    const before = await this.keepInTrash(`(before the update to version ${lesson.version})`);
    const { notebook, updated, kept } = updateLessonCopy(before, lesson.original(), lesson.version);
    await this.replace(notebook);
    this.notify(`Lesson updated: ${updated} cell${updated === 1 ? '' : 's'} from the new version; ${kept} cell${kept === 1 ? '' : 's'} you edited or added kept as they were.`, 'info');
  }

  /** Puts a copy of the open notebook, as it is now, in the trash under a telling title. */
  private async keepInTrash(why: string): Promise<Notebook> {
    const current = this.store.doc;
    await this.repo.trashCopy(boundOutputs(current).notebook, `${current.title} ${why}`);
    return current;
  }

  private async replace(notebook: Notebook): Promise<void> {
    this.store.dispatch({ steps: [{ type: 'replaceNotebook', notebook }], origin: 'load' });
    this.autosaver.opened(this.store.doc, false);
    await this.autosaver.flush();
  }

  private async resetNotebook(): Promise<void> {
    const info = lessonInfo(this.store.doc);
    const lesson = info && findLesson(info.slug);
    if (!lesson) return;
    const before = await this.keepInTrash('(before reset)');
    await this.replace({ ...makeLessonCopy(lesson.original(), lesson.slug, lesson.version), title: before.title });
    await this.session.restart({ quiet: true });
    this.notify('The lesson is back to its original. Your previous version is in the trash on the start page.', 'info', {
      label: 'Undo',
      run: () => void this.replace(before).then(() => this.notify('Your version is back.', 'info')),
    });
  }

  private resetCell(cellId: string): void {
    const info = lessonInfo(this.store.doc);
    const lesson = info && findLesson(info.slug);
    const steps = lesson ? resetCellSteps(lesson.original(), cellId) : null;
    if (!steps) {
      this.notify('This cell is not part of the lesson (you added it), so it has no original to go back to.', 'warning');
      return;
    }
    this.store.dispatch({ steps, origin: 'user' });
  }

  private async act(action: LibraryAction | NotebookAction): Promise<void> {
    switch (action.type) {
      case 'rename': await this.repo.rename(action.id, action.title); break;
      case 'duplicate': await this.repo.duplicate(action.id); break;
      case 'trash': await this.repo.trash(action.id); break;
      case 'restore': await this.repo.restore(action.key); break;
      case 'delete-forever': await this.repo.deleteForever(action.key); break;
      case 'persist': {
        const ok = await requestPersistence();
        if (!ok) this.notify('The browser did not promise to keep the storage (browsers decide from how often a site is used; installing or bookmarking it helps).', 'info');
        break;
      }
      case 'reset-cell': this.resetCell(action.cellId); return;
      case 'reset-notebook': await this.resetNotebook(); return;
      case 'download': this.download(action.kind); return;
      case 'import': await this.importFile(action.file); return;
    }
    await this.showStart();
  }

  private async openLesson(slug: string): Promise<void> {
    const lesson = findLesson(slug);
    if (!lesson) return this.notFound('There is no lesson by that name.');
    const id = lessonCopyId(slug);
    const copy = readJournal(id) ?? (await this.load(id));
    if (copy) return this.open(copy, readJournal(id) === null);
    return this.open(makeLessonCopy(lesson.original(), slug, lesson.version), false);
  }

  private async load(id: string): Promise<Notebook | null> {
    try {
      return await this.repo.load(id);
    } catch (e) {
      this.notify(`That notebook could not be opened: ${(e as Error).message}. It is left as it is in storage.`, 'error');
      return null;
    }
  }

  private async notFound(text: string): Promise<void> {
    this.app.view = 'start';
    await this.showStart();
    // An unreadable record has already said why; "not stored" would be wrong then.
    if (this.store.state.notice?.kind !== 'error') this.notify(text, 'warning');
  }

  async showStart(): Promise<void> {
    const [saved, trash, facts] = await Promise.all([
      this.repo.list().catch(() => []),
      this.repo.listTrash().catch(() => []),
      storageFacts(),
    ]);
    this.app.saved = saved;
    this.app.trash = trash;
    this.app.lessons = await this.lessonCards(saved);
    this.app.storage = { durable: this.repo.durable, ...facts, trashDays: TRASH_DAYS };
  }

  /** The welcome tour, then the course's lessons in order, shipped or coming, with the learner's progress. */
  private async lessonCards(saved: readonly NotebookEntry[]): Promise<LessonCard[]> {
    const copies = new Map(saved.filter((e) => e.lesson).map((e) => [e.lesson!, e]));
    const card = async (slug: string, title: string, number?: number): Promise<LessonCard> => {
      const lesson = findLesson(slug);
      const base = { slug, title: lesson?.title ?? title, summary: lesson?.summary ?? '', available: lesson !== undefined, ...(number ? { number } : {}) };
      const entry = copies.get(slug);
      if (!lesson || !entry) return base;
      const copy = await this.repo.load(entry.id).catch(() => null);
      return copy ? { ...base, modified: entry.modified, progress: lessonProgress(copy, lesson.original()) } : base;
    };
    const tours = LESSONS.filter((l) => !COURSE.some((c) => c.slug === l.slug)).map((l) => card(l.slug, l.title));
    return Promise.all([...tours, ...COURSE.map((c, i) => card(c.slug, c.title, i + 1))]);
  }

  async route(): Promise<void> {
    const hash = location.hash.replace(/^#\/?/, '');
    if (hash === 'new') return this.open(makeNotebook('Untitled', [makeCodeCell()]), false);
    if (hash === 'welcome') return this.openLesson('welcome');
    if (hash.startsWith('lesson/')) return this.openLesson(decodeURIComponent(hash.slice(7)));
    if (hash.startsWith('nb/')) {
      const id = decodeURIComponent(hash.slice(3));
      // A journal left by a page that closed before IndexedDB caught up is the newer copy.
      const journaled = readJournal(id);
      const nb = journaled ?? (await this.load(id));
      if (nb) return this.open(nb, journaled === null);
      return this.notFound('That notebook is not stored in this browser.');
    }
    await this.autosaver.flush();
    this.autosaver.closed();
    this.lock?.release();
    this.lock = null;
    this.store.update({ notice: null });
    this.app.view = 'start';
    await this.showStart();
  }
}
