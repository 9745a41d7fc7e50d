// components/post_view/message_attachments/message_attachment_list.tsx: a post's attachments in order.
import React from 'react';

import type {MessageAttachment as Attachment} from '@mattermost/types/message_attachments';

import {MessageAttachment} from './MessageAttachment';

export function MessageAttachmentList({postId, attachments}: {postId: string; attachments: Attachment[]}) {
    return (
        <div
            id={`messageAttachmentList_${postId}`}
            className='attachment__list'
        >
            {attachments.map((attachment, index) => (
                <MessageAttachment
                    key={`att_${index}`}
                    attachment={attachment}
                />
            ))}
        </div>
    );
}
