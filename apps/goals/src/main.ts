import 'reflect-metadata';
import { runService } from '@bildungsregion/service-runtime';
import { createGoalsApp } from './app';

runService('goals', createGoalsApp);
