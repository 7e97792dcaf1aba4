import {makeMemStore} from '../helpers/memStore.ts';
import {storeContract} from './storeContract.ts';

storeContract(`memfs`, () => ({store: makeMemStore().store, cleanup: () => {}}));
