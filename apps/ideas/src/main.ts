import 'reflect-metadata';
import { runService } from '@bildungsregion/service-runtime';
import { createIdeasApp } from './app';

runService('ideas', createIdeasApp);
