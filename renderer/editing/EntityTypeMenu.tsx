import { Menu, MenuItem, Popover, type PopoverProps } from '@blueprintjs/core';
import { Classes as SelectClasses } from '@blueprintjs/select';
import type { ReactElement } from 'react';
import { ENTITY_TYPES } from '../../app/entityTypes';
import { entityBadgeUri } from '../chart/nodeIcons';
import { moveMenuFocus } from '../ui/menuKeys';

/** A type's icon, as in the chart's legend. */
export function TypeBadge({ type }: { type: string }) {
  return <img src={entityBadgeUri(type)} alt="" width={18} height={18} />;
}

/**
 * Blueprint's menu of the entity types, with their icons, opened from `children` (a button): the
 * toolbar's type palette and the new-entity dialog's type. The arrow keys, Home and End move
 * between the types, Enter or a click picks one, Escape closes the menu and gives the focus back
 * to the button. With `picked`, the types are radio items and the picked one is checked (and has
 * the focus when the menu opens); without, the first type has it.
 */
export function EntityTypeMenu({
  menu,
  picked,
  onPick,
  popover,
  children,
}: {
  menu: { 'aria-label'?: string; 'aria-labelledby'?: string };
  picked?: string;
  onPick: (type: string) => void;
  popover?: Pick<PopoverProps, 'isOpen' | 'onInteraction' | 'usePortal'>;
  children: ReactElement;
}) {
  return (
    <Popover
      {...popover}
      placement="bottom-start"
      minimal
      // Blueprint's select popover: the list scrolls past its height.
      popoverClassName={SelectClasses.SELECT_POPOVER}
      shouldReturnFocusOnClose
      onOpened={(node) => node.querySelector<HTMLElement>(picked === undefined ? '[role="menuitem"]' : '[aria-checked="true"]')?.focus()}
      content={
        <Menu {...menu} onKeyDown={moveMenuFocus}>
          {ENTITY_TYPES.map((type) => (
            <MenuItem
              key={type.id}
              {...(picked === undefined ? {} : { role: 'menuitemradio', 'aria-checked': type.id === picked, active: type.id === picked })}
              icon={<TypeBadge type={type.id} />}
              text={type.label}
              onClick={() => onPick(type.id)}
            />
          ))}
        </Menu>
      }
    >
      {children}
    </Popover>
  );
}
