import React, {type ReactNode} from 'react';

// Every icon Connect draws, inline in the current text colour; the buttons around them carry the labels.
function Icon({size = 18, children}: {size?: number; children: ReactNode}) {
    return (
        <svg
            aria-hidden='true'
            focusable='false'
            width={size}
            height={size}
            viewBox='0 0 24 24'
            fill='none'
            stroke='currentColor'
            strokeWidth='2'
            strokeLinecap='round'
            strokeLinejoin='round'
        >
            {children}
        </svg>
    );
}

export const PlusIcon = () => <Icon><path d='M12 5v14M5 12h14'/></Icon>;
export const CloseIcon = ({size}: {size?: number}) => <Icon size={size}><path d='M6 6l12 12M18 6L6 18'/></Icon>;
export const ExternalIcon = () => <Icon><path d='M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5'/></Icon>;
export const HideSidebarIcon = () => <Icon><path d='M4 4h16v16H4zM15 4v16M8 9l3 3-3 3'/></Icon>;
export const MinimizeIcon = () => <Icon><path d='M6 9l6 6 6-6'/></Icon>;
export const ExpandIcon = () => <Icon><path d='M6 15l6-6 6 6'/></Icon>;
export const BellIcon = () => <Icon><path d='M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0'/></Icon>;
export const AddPeopleIcon = () => <Icon><path d='M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 12 0v1M19 8v6M16 11h6'/></Icon>;
export const PaperclipIcon = () => <Icon><path d='M21 11l-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7'/></Icon>;
export const FileIcon = () => <Icon size={16}><path d='M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8zM14 3v5h5'/></Icon>;
export const SearchIcon = () => <Icon size={16}><path d='M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5'/></Icon>;
export const GroupIcon = ({size}: {size?: number}) => (
    <Icon size={size}>
        <path d='M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.2a3.5 3.5 0 0 1 0 6.6M18 14a6.5 6.5 0 0 1 3.5 6'/>
    </Icon>
);

// Two speech bubbles, the shape of assets/connect.svg drawn in the current text colour so it
// matches the other channel header icons.
export function ConnectIcon({size = 18}: {size?: number}) {
    return (
        <svg
            aria-hidden='true'
            focusable='false'
            width={size}
            height={size}
            viewBox='0 0 24 24'
            fill='currentColor'
        >
            <path d='M4 4h12a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H9l-4 3.5V15H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z'/>
            <path
                opacity='0.6'
                d='M20 8h.5A1.5 1.5 0 0 1 22 9.5v7a1.5 1.5 0 0 1-1.5 1.5H20v3l-3.5-3H11a1.5 1.5 0 0 1-1.5-1.5V16H16a4 4 0 0 0 4-4V8z'
            />
        </svg>
    );
}
export const MoreIcon = () => <Icon><path d='M5 12h.01M12 12h.01M19 12h.01'/></Icon>;
