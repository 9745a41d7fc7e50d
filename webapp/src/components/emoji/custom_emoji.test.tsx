import {render, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {fakeClient, me, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {MessageText} from '../message_text/MessageText';
import {useMessageTextUsers} from '../message_text/use_message_users';

import catalogFile from './emoji_catalog.generated.json';

describe('custom emoji in a message', () => {
    it('show as their image, and ask for the custom emoji only when a name is not a standard one', () => {
        const onUnknownEmoji = vi.fn();
        const url = (name: string) => (name === 'partyparrot' ? 'https://chat.example.com/api/v4/emoji/e1/image' : undefined);
        const {rerender} = render(
            <MessageText
                text='Done :smile:'
                currentUsername='alice'
                customEmojiURL={url}
                onUnknownEmoji={onUnknownEmoji}
            />,
        );
        expect(onUnknownEmoji).not.toHaveBeenCalled();
        rerender(
            <MessageText
                text='Done :partyparrot: and :nothing_here:'
                currentUsername='alice'
                customEmojiURL={url}
                onUnknownEmoji={onUnknownEmoji}
            />,
        );
        expect(onUnknownEmoji).toHaveBeenCalled();
        expect(screen.getByRole('img', {name: ':partyparrot:'})).toHaveAttribute('src', 'https://chat.example.com/api/v4/emoji/e1/image');
        expect(screen.getByText(/:nothing_here:/)).toBeInTheDocument();
    });

    it('are read from the server once, when a message names one', async () => {
        function Shown({text}: {text: string}) {
            return (
                <MessageText
                    text={text}
                    {...useMessageTextUsers()}
                />
            );
        }
        const client = fakeClient();
        client.getEmojiCatalog.mockResolvedValue(catalogFile);
        client.getClientConfig.mockResolvedValue({EnableCustomEmoji: 'true'});
        client.getCustomEmojis.mockResolvedValue([{id: 'e1', name: 'partyparrot'}]);
        client.getPreferences.mockResolvedValue([]);
        renderWithConnect(
            <>
                <Shown text={post().message}/>
                <Shown text='Deployed :partyparrot:'/>
                <Shown text='Again :partyparrot:'/>
            </>,
            {client, environment: {currentUserId: me.id}},
        );
        await waitFor(() => expect(screen.getAllByRole('img', {name: ':partyparrot:'})).toHaveLength(2));
        expect(client.getCustomEmojis).toHaveBeenCalledTimes(1);
        expect(screen.getAllByRole('img', {name: ':partyparrot:'})[0]).toHaveAttribute('src', 'https://chat.example.com/api/v4/emoji/e1/image');
    });
});
