import {useRef, useState, type DragEvent} from 'react';

import {carriesDroppable, droppedContent, type DroppedContent} from './drop';

// Drag and drop onto a whole window. The counter copes with dragenter/dragleave firing for every
// child the pointer crosses.
export function useDropZone(onDrop: (content: DroppedContent) => void) {
    const [dragging, setDragging] = useState(false);
    const depth = useRef(0);

    const handlers = {
        onDragEnter: (event: DragEvent) => {
            if (!carriesDroppable(event.dataTransfer)) {
                return;
            }
            event.preventDefault();
            depth.current += 1;
            setDragging(true);
        },
        onDragOver: (event: DragEvent) => {
            if (carriesDroppable(event.dataTransfer)) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'copy';
            }
        },
        onDragLeave: () => {
            depth.current = Math.max(0, depth.current - 1);
            if (depth.current === 0) {
                setDragging(false);
            }
        },
        onDrop: (event: DragEvent) => {
            depth.current = 0;
            setDragging(false);
            if (!carriesDroppable(event.dataTransfer)) {
                return;
            }

            // Also keeps the text field from inserting dropped text by itself.
            event.preventDefault();
            onDrop(droppedContent(event.dataTransfer));
        },
    };
    return {dragging, handlers};
}
