import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPlainDate } from '../../i18n/format';
import type { CalendarCell, CellPosition, WeekGrid } from './calendar';
import { closureKindLabel, weekDayLabel } from './labels';
import { formatTimeOfDay, weekDayOf } from './localTime';

/** What the person has chosen so far: a range from `anchor` to `focus` (same day). */
export interface CalendarSelection {
  anchor: CellPosition;
  focus: CellPosition;
  /** True after a single click or key press: the next one picks the last slot. */
  pending: boolean;
}

const same = (a: CellPosition, b: CellPosition) => a.day === b.day && a.row === b.row;

/**
 * The week as a grid of slots. A range is chosen by dragging over free slots (mouse, pen or
 * touch) or by activating the first and then the last slot (click, Enter or Space); the arrow
 * keys move between slots and Escape clears the choice. Whether the range is acceptable is
 * for the parent to say (`refused`).
 */
export function BookingCalendar({
  grid,
  selection,
  refused,
  onSelectionChange,
  labelledBy,
}: {
  grid: WeekGrid;
  selection: CalendarSelection | null;
  /** The chosen range cannot be booked (shown in red). */
  refused: boolean;
  onSelectionChange: (selection: CalendarSelection | null) => void;
  labelledBy: string;
}) {
  const { t, locale } = useI18n();
  const [active, setActive] = useState<CellPosition>({ day: 0, row: 0 });
  const [dragging, setDragging] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const moveFocus = useRef(false);

  // The drag ends wherever the pointer is released.
  useEffect(() => {
    if (!dragging || !selection) {
      return;
    }
    const end = () => {
      setDragging(false);
      onSelectionChange({ ...selection, pending: same(selection.anchor, selection.focus) });
    };
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    return () => {
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
    };
  }, [dragging, selection, onSelectionChange]);

  useEffect(() => {
    if (moveFocus.current) {
      moveFocus.current = false;
      tableRef.current?.querySelector<HTMLElement>(`[data-day="${active.day}"][data-row="${active.row}"]`)?.focus();
    }
  }, [active]);

  // The roving tab stop stays inside the grid when another week has fewer rows.
  const tabDay = Math.min(active.day, grid.days.length - 1);
  const tabRow = Math.min(active.row, grid.rows.length - 1);

  const inSelection = (cell: CalendarCell) => {
    if (!selection || selection.anchor.day !== cell.day) {
      return false;
    }
    const from = Math.min(selection.anchor.row, selection.focus.row);
    const to = Math.max(selection.anchor.row, selection.focus.row);
    return cell.row >= from && cell.row <= to;
  };

  /** A click or key press on a slot: completes a pending range on the same day, else starts one. */
  const pick = (position: CellPosition) => {
    if (selection?.pending && selection.anchor.day === position.day && !same(selection.anchor, position)) {
      onSelectionChange({ anchor: selection.anchor, focus: position, pending: false });
    } else {
      onSelectionChange({ anchor: position, focus: position, pending: true });
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>, cell: CalendarCell) => {
    if (event.button !== 0) {
      return;
    }
    event.preventDefault();
    setActive({ day: cell.day, row: cell.row });
    // Touch captures the pointer on the first cell; release it so that the other cells see it.
    if (event.currentTarget.hasPointerCapture?.(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
    const position = { day: cell.day, row: cell.row };
    if (selection?.pending && selection.anchor.day === cell.day && !same(selection.anchor, position)) {
      onSelectionChange({ anchor: selection.anchor, focus: position, pending: false });
      return;
    }
    onSelectionChange({ anchor: position, focus: position, pending: false });
    setDragging(true);
  };

  const onPointerEnter = (cell: CalendarCell) => {
    if (dragging && selection) {
      // A drag stays in the day it started in.
      onSelectionChange({ ...selection, focus: { day: selection.anchor.day, row: cell.row } });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, cell: CalendarCell) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const day = Math.min(grid.days.length - 1, Math.max(0, cell.day + move[0]));
      const row = Math.min(grid.rows.length - 1, Math.max(0, cell.row + move[1]));
      moveFocus.current = true;
      setActive({ day, row });
      if (event.shiftKey && selection && selection.anchor.day === day) {
        onSelectionChange({ anchor: selection.anchor, focus: { day, row }, pending: false });
      }
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick({ day: cell.day, row: cell.row });
    } else if (event.key === 'Escape') {
      onSelectionChange(null);
    }
  };

  const stateText = (cell: CalendarCell) =>
    cell.state === 'closed'
      ? t('booking.cell.closed', {
          kind: closureKindLabel(t, cell.closure?.kind ?? ''),
          reason: cell.closure?.reason || '—',
        })
      : t(`booking.cell.${cell.state}`);

  const dayLabel = (date: string) => `${weekDayLabel(t, weekDayOf(date))} ${formatPlainDate(locale, date)}`;

  return (
    <div className="table-scroll calendar-scroll">
      <table
        ref={tableRef}
        className="calendar"
        role="grid"
        aria-labelledby={labelledBy}
        aria-multiselectable="true"
        data-testid="booking-calendar"
      >
        <thead>
          <tr>
            <th scope="col" className="calendar__corner">
              <span className="visually-hidden">{t('booking.calendar.time')}</span>
            </th>
            {grid.days.map((date) => (
              <th key={date} scope="col" className="calendar__day" data-testid={`calendar-day-${date}`}>
                <span className="calendar__weekday">{weekDayLabel(t, weekDayOf(date))}</span>
                <span className="calendar__date">{formatPlainDate(locale, date)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((minutes, row) => (
            <tr key={minutes}>
              <th scope="row" className="calendar__time">
                {formatTimeOfDay(minutes)}
              </th>
              {grid.days.map((date, day) => {
                const cell = grid.cells[day]![row]!;
                const selected = inSelection(cell);
                const classes = [
                  'calendar__cell',
                  `calendar__cell--${cell.state}`,
                  selected ? (refused ? 'calendar__cell--refused' : 'calendar__cell--selected') : '',
                ];
                const time = `${formatTimeOfDay(cell.minutes)}–${formatTimeOfDay(cell.minutes + grid.slotMinutes)}`;
                return (
                  <td
                    key={date}
                    role="gridcell"
                    className={classes.filter(Boolean).join(' ')}
                    tabIndex={tabDay === day && tabRow === row ? 0 : -1}
                    aria-selected={selected}
                    aria-label={t('booking.cell.label', { day: dayLabel(date), time, state: stateText(cell) })}
                    data-day={day}
                    data-row={row}
                    data-state={cell.state}
                    data-testid={`slot-${date}-${formatTimeOfDay(cell.minutes)}`}
                    onPointerDown={(event) => onPointerDown(event, cell)}
                    onPointerEnter={() => onPointerEnter(cell)}
                    onKeyDown={(event) => onKeyDown(event, cell)}
                    onFocus={() => setActive({ day, row })}
                    title={cell.state === 'closed' ? stateText(cell) : undefined}
                  >
                    <span aria-hidden="true" className="calendar__mark">
                      {cell.state === 'taken' ? '×' : cell.state === 'closed' ? '—' : ''}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The legend of the cell states. */
export function CalendarLegend() {
  const { t } = useI18n();
  const states = ['open', 'taken', 'closed', 'outside', 'past'] as const;
  return (
    <ul className="calendar-legend" aria-label={t('booking.calendar.legend')}>
      {states.map((state) => (
        <li key={state}>
          <span className={`calendar-legend__swatch calendar__cell--${state}`} aria-hidden="true" />
          {t(`booking.legend.${state}`)}
        </li>
      ))}
      <li>
        <span className="calendar-legend__swatch calendar__cell--selected" aria-hidden="true" />
        {t('booking.legend.selected')}
      </li>
    </ul>
  );
}
