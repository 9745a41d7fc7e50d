// The center channel's posts, oldest at the top and newest at the bottom (the web app's post
// list), scrolled to the newest; the authors' profiles are loaded as posts arrive.
import React, {useEffect, useRef} from 'react';
import {useDispatch, useSelector, useStore} from 'react-redux';

import {getProfilesByIds} from 'mattermost-redux/actions/users';
import {getPostsInCurrentChannel} from 'mattermost-redux/selectors/entities/posts';
import {getUser} from 'mattermost-redux/selectors/entities/users';

import type {DevHostState} from '../store';

import {Post} from './Post';

export function PostList() {
    const dispatch = useDispatch();
    const newestFirst = useSelector(getPostsInCurrentChannel);
    const list = useRef<HTMLDivElement>(null);
    const posts = [...(newestFirst ?? [])].reverse();
    const authorKey = [...new Set(posts.map((post) => post.user_id))].sort().join(',');

    const store = useStore<DevHostState>();
    useEffect(() => {
        const missing = authorKey.split(',').filter((id) => id && !getUser(store.getState(), id));
        if (missing.length) {
            void dispatch(getProfilesByIds(missing));
        }
    }, [dispatch, store, authorKey]);

    useEffect(() => {
        list.current?.scrollTo({top: list.current.scrollHeight});
    }, [posts.length]);

    return (
        <div
            ref={list}
            className='post-list'
            role='log'
            aria-label='Posts'
        >
            {posts.map((post) => (
                <Post
                    key={post.id}
                    post={post}
                />
            ))}
        </div>
    );
}
